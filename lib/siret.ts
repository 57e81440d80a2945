// SIREN (9 digits) and SIRET (SIREN + 5-digit establishment number) carry a Luhn check digit,
// so a mistyped digit or two swapped neighbours are caught before the number reaches staff.

/** True when the digits pass the Luhn check: from the right, every second digit is doubled. */
export function luhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Nine digits that pass the Luhn check. */
export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhn(siren);
}

/** Fourteen digits, no spaces, that pass the Luhn check. */
export function isValidSiret(siret: string): boolean {
  return /^\d{14}$/.test(siret) && luhn(siret);
}
