// The command that adds dev dependencies, in the words of the package manager that runs the bin:
// npm, pnpm, Yarn and Bun each name themselves first in npm_config_user_agent
// (`pnpm/10.34.9 npm/? node/v24.21.0 linux x64`) for the bins they run. Run another way
// (node dist/cli/…, a bare PATH), npm's.
const COMMANDS = new Map([
  ['npm', 'npm install --save-dev'],
  ['pnpm', 'pnpm add --save-dev'],
  ['yarn', 'yarn add --dev'],
  ['bun', 'bun add --dev'],
]);

export function addDevDependencies(packages: readonly string[], userAgent: string | undefined = process.env['npm_config_user_agent']): string {
  const manager = /^([a-z]+)\//.exec(userAgent ?? '')?.[1] ?? 'npm';
  return `${COMMANDS.get(manager) ?? COMMANDS.get('npm')} ${packages.join(' ')}`;
}
