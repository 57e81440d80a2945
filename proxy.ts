import NextAuth from "next-auth";
import { authConfig } from "@/app/(auth)/auth.config";

// First gate only: anonymous visitors of the private areas go to /connexion. Every page,
// server action and route handler checks the role and the organisation again.
const { auth } = NextAuth(authConfig);

export default auth;

export const config = {
  matcher: ["/gestion/:path*", "/espace-organisme/:path*"],
};
