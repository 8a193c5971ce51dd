/** What each drill reports: a verdict, the figures that support it, and how long it took. */
export interface DrillResult {
  name: string;
  passed: boolean;
  /** Why it failed; empty when it passed. */
  problems: string[];
  figures: Record<string, number | string>;
  seconds: number;
}

export type DrillLog = (line: string) => void;

export async function runDrill(name: string, log: DrillLog, body: (problems: string[], figures: DrillResult['figures']) => Promise<void>): Promise<DrillResult> {
  const started = Date.now();
  const problems: string[] = [];
  const figures: DrillResult['figures'] = {};
  log(`${name}: started`);
  try {
    await body(problems, figures);
  } catch (error) {
    problems.push(`the drill itself failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { name, passed: problems.length === 0, problems, figures, seconds: Math.round((Date.now() - started) / 1000) };
}

export function verdictLine(result: DrillResult): string {
  return result.passed ? `PASS ${result.name}` : `FAIL ${result.name}: ${result.problems.join('; ')}`;
}
