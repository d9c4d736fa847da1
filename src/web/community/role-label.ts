/** The badge text for a staff or professional role; plain members carry none. */
export function roleLabel(role: string): string {
  switch (role) {
    case 'professional':
      return 'Verified professional';
    case 'moderator':
      return 'Moderator';
    case 'admin':
      return 'Admin';
    default:
      return role;
  }
}
