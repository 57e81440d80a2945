import { z } from "@/lib/validations/zod";

export const loginSchema = z.object({
  identifier: z.string().trim().min(1, "Indiquez votre identifiant.").max(64, "Cet identifiant est trop long."),
  password: z.string().min(1, "Indiquez votre mot de passe.").max(200, "Ce mot de passe est trop long."),
});

export type LoginValues = z.infer<typeof loginSchema>;
