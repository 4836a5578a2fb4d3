/** Told when the compiler's parse starts and ends: it is the one step nothing inside can stop. */
export interface ParseObserver {
  parsing(chars: number): void;
  parsed(): void;
}

let observer: ParseObserver | undefined;

/**
 * A worker passes parse progress to the thread that can stop it: the compiler's parse is
 * exponential on some unclosed nestings and checks no budget, so its watchdog is shorter than
 * the one for the rules, which stop themselves at the time budget. This module loads no parser:
 * the watchdog's thread need not.
 */
export function observeParses(next: ParseObserver | undefined): void {
  observer = next;
}

export function parseStarted(chars: number): void {
  observer?.parsing(chars);
}

export function parseEnded(): void {
  observer?.parsed();
}
