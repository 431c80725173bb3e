import { AbstractControl } from '@angular/forms';

/**
 * The controls that hold a decimal as the user reads it (text in the UI language), so a language
 * switch can rewrite every one of them — not only those with an input on screen: a job's weights on
 * a tab not shown, or a form's prefilled French `33,250`, would otherwise be read as 33250 once the
 * page is in English. Filled by decimalValidator (every decimal control has one) and by
 * DecimalLanguageInput; held weakly, so a closed form's controls go with it.
 */
const tracked = new Set<WeakRef<AbstractControl>>();
const known = new WeakSet<AbstractControl>();
/** Beyond this many entries, the references to collected controls are swept on the next one. */
const SWEEP_AT = 500;
let sweepAt = SWEEP_AT;

export function trackDecimalControl(control: AbstractControl): void {
  if (known.has(control)) return;
  known.add(control);
  tracked.add(new WeakRef(control));
  if (tracked.size >= sweepAt) {
    forEachDecimalControl(() => undefined);
    sweepAt = tracked.size + SWEEP_AT;
  }
}

/** Calls `visit` on each tracked control still alive, forgetting the collected ones. */
export function forEachDecimalControl(visit: (control: AbstractControl) => void): void {
  for (const ref of tracked) {
    const control = ref.deref();
    if (control) visit(control);
    else tracked.delete(ref);
  }
}
