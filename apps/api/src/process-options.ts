/** How this process was started: the HTTP API, a worker, or both in one (the embedded default). */
export interface ProcessOptions {
  /** Register queue processors in this process. */
  runProcessors: boolean;
}

export const PROCESS_OPTIONS = Symbol('PROCESS_OPTIONS');
