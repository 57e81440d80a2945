import type { DefaultSession } from "next-auth";
import type { UserRole } from "@/db/schema";

declare module "next-auth" {
  interface User {
    role: UserRole;
    organisationId: string | null;
  }
  interface Session {
    user: { id: string; role: UserRole; organisationId: string | null } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    id: string;
    role: UserRole;
    organisationId: string | null;
    /** The server-side session (user_sessions) this token stands for. */
    sid?: string;
  }
}
