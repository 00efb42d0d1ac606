// Swagger UI: the page most teams put in front of a description, on their own docs portal, and
// editor.swagger.io. swagger-ui-dist is pinned among the dev dependencies; it runs in the same
// headless Chromium as the docs page test. The "generated" code is the portal's page, which loads
// the description from the URL it is given; the "program" is a person's session in it:
// test/generators/swagger-ui/program.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatorsDir, projectRoot, type GeneratorCase } from './harness.ts';

const program = join(generatorsDir, 'swagger-ui/program.ts');
const version = (JSON.parse(readFileSync(join(projectRoot, 'node_modules/swagger-ui-dist/package.json'), 'utf8')) as { version: string }).version;

// The page of Swagger UI's own installation guide, with "Try it out" open on every operation
// (tryItOutEnabled) and the description's URL from the page's address.
const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Easemob user API</title><link rel="stylesheet" href="swagger-ui.css"></head>
<body>
<div id="swagger-ui"></div>
<script src="swagger-ui-bundle.js"></script>
<script>
  window.ui = SwaggerUIBundle({ url: new URLSearchParams(location.search).get('url'), dom_id: '#swagger-ui', tryItOutEnabled: true });
</script>
</body>
</html>
`;

export const swaggerUiCases: GeneratorCase[] = [
  {
    name: 'swagger-ui',
    language: 'Swagger UI',
    version: `swagger-ui-dist@${version}`,
    toolchain: [],
    generate: async (step) => writeFileSync(join(step.dir, 'index.html'), page),
    compile: async (step) => {
      process.stdout.write(await step.sh(process.execPath, [program, '--check', step.dir]));
    },
    run: async (step, env) => {
      process.stdout.write(await step.sh(process.execPath, [program, step.dir], { env: { ...env } }));
    },
  },
];
