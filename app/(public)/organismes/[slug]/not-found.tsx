import Link from "next/link";
import { StatusPage } from "@/components/ui/status-page";

export default function OrganisationNotFound() {
  return (
    <StatusPage title="Page introuvable">
      <p>Cet organisme n’existe pas ou ses formations ne sont plus présentées sur ce site pour le moment.</p>
      <p>
        <Link href="/formations" className="font-medium text-brand-700 underline">
          Voir toutes les formations
        </Link>
      </p>
    </StatusPage>
  );
}
