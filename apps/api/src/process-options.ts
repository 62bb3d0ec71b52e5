/** How this process was started: the HTTP API, a worker, or both in one (the embedded default). */
export interface ProcessOptions {
  /** Register queue processors in this process. */
  runProcessors: boolean;
  /** false for a worker: no HTTP, so no in-memory views such as the matching index are built at start. */
  servesHttp?: boolean;
  /** Where JSON log lines go (default: stdout). Tests pass a stream to read them. */
  logStream?: NodeJS.WritableStream;
}

export const PROCESS_OPTIONS = Symbol('PROCESS_OPTIONS');
