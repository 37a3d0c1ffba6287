import express from 'express';

/**
 * Express 5's hello world, exactly as its documentation writes it: the baseline that shed-bench.ts
 * measures the overload gate against. Run as a child process; PORT says where; it sends 'listening'.
 */
const app = express();
app.get('/', (_req, res) => {
  res.send('Hello World!');
});
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('listening'));
process.on('SIGTERM', () => process.exit(0));
