import { z } from "@/lib/validations/zod";
import { safeString } from "@/lib/validations/fields";

export const loginSchema = z.object({
  identifier: safeString({ error: "Indiquez votre identifiant.", singleLine: true }).trim().min(1, "Indiquez votre identifiant.").max(64, "Cet identifiant est trop long."),
  password: safeString({ error: "Indiquez votre mot de passe." }).min(1, "Indiquez votre mot de passe.").max(200, "Ce mot de passe est trop long."),
});

export type LoginValues = z.infer<typeof loginSchema>;
