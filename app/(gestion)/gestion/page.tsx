import { redirect } from "next/navigation";
import { requirePageUser, STAFF_ROLES } from "@/lib/auth/session";

export default async function StaffHomePage() {
  await requirePageUser(STAFF_ROLES, "/gestion");
  redirect("/gestion/validation");
}
