import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { startServer } from './server';

startServer().then(
  ({ app, url }) => {
    app.get(Logger).log(`亲清 is running:  app ${url}/   API ${url}/api   docs ${url}/api/docs`);
    // A plain block too, for people reading the terminal rather than JSON logs.
    process.stdout.write(
      `\n  亲清 Qinqing\n  App:      ${url}/\n  API docs: ${url}/api/docs\n  Health:   ${url}/api/health\n\n`,
    );
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
