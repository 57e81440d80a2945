"use client";

import { useState } from "react";
import { Combobox } from "@/components/ui/combobox";
import { Field, inputClass } from "@/components/ui/field";

export interface AddressValue {
  street: string;
  street2: string;
  postcode: string;
  communeInsee: string;
  communeName: string;
}

export type AddressErrors = Partial<Record<keyof AddressValue, string>>;

/**
 * A French postal address: street lines (50 characters each, as LHÉO allows), postcode, and the
 * commune chosen from the official list — a postcode typed in the commune box lists the communes it serves, and
 * choosing a commune fills in its postcode when it has only one. The server checks the pair again.
 */
export function AddressFields({
  value,
  onChange,
  errors = {},
  streetLabel = "Numéro et rue",
  idPrefix,
}: {
  value: AddressValue;
  onChange: (value: AddressValue) => void;
  errors?: AddressErrors;
  streetLabel?: string;
  /**
   * Gives the controls the ids `${idPrefix}-street`, `-street2`, `-postcode` and `-communeInsee`,
   * for a form whose error summary links to its fields; generated ids otherwise.
   */
  idPrefix?: string;
}) {
  const idOf = (name: keyof AddressValue) => (idPrefix ? `${idPrefix}-${name}` : undefined);
  const [postcodesOfCommune, setPostcodesOfCommune] = useState<string[]>([]);
  const set = (patch: Partial<AddressValue>) => onChange({ ...value, ...patch });
  const postcodeHint =
    postcodesOfCommune.length > 1 && !postcodesOfCommune.includes(value.postcode)
      ? `Codes postaux de ${value.communeName} : ${postcodesOfCommune.join(", ")}.`
      : undefined;

  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field id={idOf("street")} label={streetLabel} error={errors.street}>
        {(props) => (
          <input {...props} value={value.street} maxLength={50} autoComplete="address-line1" onChange={(e) => set({ street: e.target.value })} className={inputClass} />
        )}
      </Field>
      <Field id={idOf("street2")} label="Complément d’adresse (facultatif)" error={errors.street2}>
        {(props) => (
          <input {...props} value={value.street2} maxLength={50} autoComplete="address-line2" onChange={(e) => set({ street2: e.target.value })} className={inputClass} />
        )}
      </Field>
      <Field id={idOf("postcode")} label="Code postal" hint={postcodeHint} error={errors.postcode}>
        {(props) => (
          <input
            {...props}
            value={value.postcode}
            inputMode="numeric"
            maxLength={5}
            autoComplete="postal-code"
            onChange={(e) => set({ postcode: e.target.value.replace(/\D/g, "") })}
            className={inputClass}
          />
        )}
      </Field>
      <Combobox
        id={idOf("communeInsee")}
        label="Commune"
        endpoint="/api/reference/communes"
        placeholder={value.postcode.length === 5 ? `Communes du ${value.postcode}…` : "Nancy, Metz, Épinal…"}
        initialText={value.communeName}
        error={errors.communeInsee}
        onTextChange={() => set({ communeInsee: "", communeName: "" })}
        onSelect={(option) => {
          const postcodes = option.postcodes ?? [];
          setPostcodesOfCommune(postcodes);
          const communeName = option.label.replace(/ \([0-9AB]+\)$/, "");
          const postcode = postcodes.includes(value.postcode) ? value.postcode : postcodes.length === 1 ? postcodes[0]! : value.postcode;
          onChange({ ...value, communeInsee: option.value, communeName, postcode });
        }}
      />
    </div>
  );
}
