// Angular's libraries ship partially compiled declarations, finished at run time by the JIT
// compiler when no build step links them (as in these Node unit specs).
import '@angular/compiler';
