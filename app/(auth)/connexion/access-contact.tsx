import type { AccessContact } from "@/lib/validations/settings";

/** R10: the lost-codes contact staff set (name, phone, e-mail, details). */
export function AccessContactDetails({ contact }: { contact: AccessContact }) {
  return (
    <ul className="mt-1 space-y-0.5 text-slate-800">
      {contact.name && <li>{contact.name}</li>}
      {contact.phone && (
        <li>
          Téléphone :{" "}
          <a className="text-brand-700 underline" href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>
            {contact.phone}
          </a>
        </li>
      )}
      {contact.email && (
        <li>
          Courriel :{" "}
          <a className="text-brand-700 underline" href={`mailto:${contact.email}`}>
            {contact.email}
          </a>
        </li>
      )}
      {contact.details && <li>{contact.details}</li>}
    </ul>
  );
}
