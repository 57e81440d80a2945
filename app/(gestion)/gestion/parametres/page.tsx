import type { Metadata } from "next";
import { AccessContactForm } from "@/app/(gestion)/gestion/parametres/access-contact-form";
import { RejectionReasonsForm } from "@/app/(gestion)/gestion/parametres/rejection-reasons-form";
import { getSetting } from "@/db/queries/settings";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Paramètres" };

export default async function SettingsPage() {
  await requirePageUser(["admin"], "/gestion/parametres");
  const [contact, reasons] = await Promise.all([getSetting("accessContact"), getSetting("rejectionReasons")]);
  return (
    <>
      <h1 className="text-2xl font-semibold">Paramètres</h1>

      <section aria-labelledby="contact-codes" className="mt-8 max-w-3xl space-y-3">
        <h2 id="contact-codes" className="text-lg font-semibold">
          Contact pour les codes perdus
        </h2>
        <p className="text-sm text-slate-700">
          La page de connexion indique aux organismes qui contacter lorsqu’ils ont perdu leurs codes confidentiels.
        </p>
        <AccessContactForm initial={contact} />
      </section>

      <section aria-labelledby="motifs-types" className="mt-10 max-w-3xl space-y-3">
        <h2 id="motifs-types" className="text-lg font-semibold">
          Motifs de refus types
        </h2>
        <p className="text-sm text-slate-700">
          Proposés à l’équipe lorsqu’elle renvoie une action ou un dossier à l’organisme&nbsp;; le texte reste modifiable avant l’envoi.
        </p>
        <RejectionReasonsForm initial={reasons} />
      </section>
    </>
  );
}
