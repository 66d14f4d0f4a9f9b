import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createOpenApiDocument, OPENAPI_FILE, openApiText } from './openapi-document';

/** `npm run openapi -w apps/api`: writes the OpenAPI document to apps/api/openapi.json (no database). */
createOpenApiDocument().then(
  (document) => {
    writeFileSync(OPENAPI_FILE, openApiText(document));
    const operations = Object.values(document.paths).reduce(
      (n, item) => n + Object.keys(item).length,
      0,
    );
    process.stdout.write(`wrote ${OPENAPI_FILE} (${operations} operations)\n`);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
