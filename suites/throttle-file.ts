/** Where in resultsDir the suites leave their 429 count and limit for the runner (not a .json: not a check result). */
export const THROTTLE_FILE = 'throttle.state';
