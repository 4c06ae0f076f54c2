import { intakeFigures } from './comments-intake.ts';
console.log(JSON.stringify(await intakeFigures({ seconds: Number(process.argv[2] ?? 5), concurrency: Number(process.argv[3] ?? 16) })));
