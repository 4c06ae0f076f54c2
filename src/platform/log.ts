export type Logger = {
  info(message: string): void;
  error(message: string, err?: unknown): void;
};

export function consoleLogger(quiet = false): Logger {
  return {
    info: (m) => {
      if (!quiet) console.log(m);
    },
    error: (m, err) => {
      console.error(m, err instanceof Error ? (err.stack ?? err.message) : (err ?? ''));
    },
  };
}
