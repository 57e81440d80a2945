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

const LA_POSTE_SIREN = "356000000";

/**
 * Fourteen digits, no spaces, that pass the Luhn check. La Poste's establishments share one
 * SIREN and follow INSEE's own rule instead: the sum of the digits is a multiple of 5.
 */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    return [...siret].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0;
  }
  return luhn(siret);
}
