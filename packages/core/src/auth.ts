/** The HTTP Basic credential (RFC 7617), UTF-8 safe, without Node's Buffer so it runs in browsers too. */
export function basicCredential(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
