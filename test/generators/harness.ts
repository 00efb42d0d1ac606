// What every generator case shares: running a tool in a scratch directory, timing each step,
// collecting the tool's warnings. The cases themselves live in one file per language.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const generatorsDir = join(projectRoot, 'test/generators');
export const bundlePath = join(projectRoot, 'generated/openapi.json');
/** The bundle converted to OpenAPI 3.0, for the tools that read 3.0 only (scripts/openapi-3.0.ts). */
export const openapi30Path = join(projectRoot, 'generated/openapi-3.0.json');

export interface ScenarioEnv {
  EASEMOB_BASE_URL: string;
  EASEMOB_CLIENT_ID: string;
  EASEMOB_CLIENT_SECRET: string;
  SCENARIO_PREFIX: string;
}

export interface Step {
  /** The scratch directory this case owns (under os.tmpdir()). */
  dir: string;
  /** Runs a command; rejects with its output when it exits non-zero. Output is kept for the log. */
  sh(command: string, args: string[], options?: { cwd?: string; env?: Record<string, string>; timeoutMs?: number }): Promise<string>;
}

export interface GeneratorCase {
  name: string;
  language: 'TypeScript' | 'Java' | 'Kotlin' | 'Python' | 'Go' | 'Rust' | 'PHP' | 'Ruby' | 'Postman' | 'Swagger UI';
  /** The pinned version, as shown in the table. */
  version: string;
  /** Commands that must be on PATH. */
  toolchain: string[];
  /** Lines of the generator's output that count as warnings (listed in the run's output). */
  warningPattern?: RegExp;
  /**
   * False where the program must see the sandbox's answers as sent; otherwise the checking proxy
   * hands it every answer with a field the description does not list, as the service may add one.
   */
  answersWithAFieldAdded?: false;
  /** Once per run, before any case of this language (installs the pinned tools). */
  prepare?: (step: Step) => Promise<void>;
  generate(step: Step): Promise<void>;
  compile(step: Step): Promise<void>;
  run(step: Step, env: ScenarioEnv): Promise<void>;
}

export class CommandFailed extends Error {
  readonly output: string;
  constructor(message: string, output: string) {
    super(message);
    this.output = output;
  }
}

/** Every file under `dir` whose name ends in `ext` (a generated client's sources, to check each). */
export function filesEndingIn(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith(ext)).map((file) => join(dir, file));
}

export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

export function createStep(dir: string, log: string[]): Step {
  return {
    dir,
    sh(command, args, options = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(command, args, {
          cwd: options.cwd ?? dir,
          env: { ...process.env, ...options.env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000);
        child.once('error', (error) => {
          clearTimeout(timer);
          reject(new CommandFailed(`${command}: ${error.message}`, output));
        });
        child.once('close', (code, signal) => {
          clearTimeout(timer);
          log.push(`$ ${command} ${args.join(' ')}\n${output}`);
          if (code === 0) resolve(output);
          else reject(new CommandFailed(`${command} ${args.slice(0, 3).join(' ')}… exited with ${code ?? signal}`, output));
        });
      });
    },
  };
}
