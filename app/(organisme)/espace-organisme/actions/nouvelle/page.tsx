import type { Metadata } from "next";
import { ActionForm } from "@/app/(organisme)/espace-organisme/actions/action-form";
import { getOrganisationContact } from "@/db/queries/organisations";
import { listPublicCodes } from "@/db/queries/reference";
import { requireProviderPage } from "@/lib/auth/session";
import { emptyActionContent } from "@/lib/validations/action";

export const metadata: Metadata = { title: "Nouvelle action de formation" };

export default async function NewActionPage() {
  const user = await requireProviderPage("/espace-organisme/actions/nouvelle");
  const [publicCodes, organisationContact] = await Promise.all([
    listPublicCodes(),
    getOrganisationContact({ organisationId: user.organisationId }),
  ]);
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Nouvelle action de formation</h1>
      <p className="mb-6 text-slate-700">
        Vous pouvez enregistrer un brouillon à tout moment. L’action ne sera vue par l’équipe du centre qu’après
        « Envoyer pour validation », et par le public qu’une fois validée.
      </p>
      <ActionForm
        defaultValues={emptyActionContent()}
        publicOptions={publicCodes.map((p) => ({ value: p.code, label: p.label }))}
        organisationContact={organisationContact}
      />
    </>
  );
}
