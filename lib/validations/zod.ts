import { z } from "zod";

// Messages that no schema spells out itself (a hand-made request, a missing field) are still
// French. Every schema of the product imports `z` from here.
z.config(z.locales.fr());

export { z };
