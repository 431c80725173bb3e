import { seedDemoQuotes } from '../quotes/demo/quotes.demo.js';
import type { DemoSeedStep } from './seed.js';

/**
 * Extra demo steps run for each commercial after clients, contacts, leads, opportunities and
 * activities (see DemoSeedContext for what they can link to).
 */
export const DEMO_SEED_STEPS: readonly DemoSeedStep[] = [seedDemoQuotes];
