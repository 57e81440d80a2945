/**
 * After an item of a list is removed with its own button, which goes with it, the focus moves to
 * the list's heading (made focusable by script: tabIndex -1) instead of falling to the page's body,
 * where the next Tab or the screen reader would start from nowhere in particular.
 */
export function removeThenFocus(remove: () => void, headingId: string) {
  remove();
  document.getElementById(headingId)?.focus();
}
