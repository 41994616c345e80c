/** The line beside the couples form's safety questions (docs/api.md#leaving-safely). */
export function SafetyNote() {
  return (
    <p className="section-note">Your partner never sees these answers. Only the practice does.</p>
  );
}
