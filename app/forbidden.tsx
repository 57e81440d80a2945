import Link from "next/link";
import { StatusPage } from "@/components/ui/status-page";

export default function Forbidden() {
  return (
    <StatusPage title="Accès refusé">
      <p>Votre compte ne permet pas d’ouvrir cette page.</p>
      <p>
        <Link href="/mon-espace" className="font-medium text-brand-700 underline">
          Revenir à votre espace
        </Link>
      </p>
    </StatusPage>
  );
}
