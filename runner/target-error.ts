/** A problem with the target or the suite's own input: reported in one line with exit code 2, never as a verdict. */
export class TargetError extends Error {}
