import { planPattern, type PatternPlan } from './planPattern';
import { chooseEngine, type EngineChoice } from './regexEngine';

/**
 * What is known about the detector patterns of a library, each worked out once: a pattern's plan
 * (planPattern parses it) and its engine (chooseEngine: proving that RE2 takes it costs about 2 ms). Owned by
 * whoever keeps the library: the loaded library fills one from the build snapshot, the editor's library
 * loader keeps one across reloads, and the compiled library holds the one it was compiled with. At most
 * `limit` patterns are remembered (a long session of edited team patterns starts it again).
 */
export class PatternPlans {
  private readonly plans = new Map<string, PatternPlan>();
  private readonly engines = new Map<string, EngineChoice>();

  constructor(
    known: Record<string, PatternPlan> = {},
    private readonly limit = 10_000,
  ) {
    this.add(known);
  }

  plan(source: string, minLength = 2): PatternPlan {
    const key = `${minLength}\u0000${source}`;
    let plan = this.plans.get(key);
    if (!plan) {
      if (this.plans.size >= this.limit) this.plans.clear();
      this.plans.set(key, (plan = planPattern(source, minLength)));
    }
    return plan;
  }

  engine(source: string): EngineChoice {
    let choice = this.engines.get(source);
    if (!choice) {
      if (this.engines.size >= this.limit) this.engines.clear();
      this.engines.set(source, (choice = chooseEngine(source)));
    }
    return choice;
  }

  /** Plans worked out before (the build snapshot's), by the keys `toRecord` gives. */
  add(known: Record<string, PatternPlan>): void {
    for (const [key, plan] of Object.entries(known)) this.plans.set(key, plan);
  }

  /** Every plan worked out, for the build snapshot. */
  toRecord(): Record<string, PatternPlan> {
    return Object.fromEntries(this.plans);
  }
}
