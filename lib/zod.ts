import { z } from 'zod';

// Extension pages forbid eval; zod 4 would otherwise probe `new Function` and
// log a CSP violation. Every module imports zod from here so this runs first.
z.config({ jitless: true });

export { z };
