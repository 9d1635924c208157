export function onShutdown(name: string, step: (deadline: number) => unknown): void;
export function runShutdownHooks(deadline: number): Promise<void>;
