import type { DemoSeedStep } from './seed.js';

/**
 * Extra demo steps run for each commercial after clients, contacts, leads, opportunities and
 * activities (see DemoSeedContext for what they can link to). QUOTES: add the quotes step here,
 * e.g. `[seedDemoQuotes]` from src/quotes/quotes.demo.ts.
 */
export const DEMO_SEED_STEPS: readonly DemoSeedStep[] = [];
