// schema.org `Course` with one `CourseInstance` per session in diffusion, for search engines.
// https://schema.org/Course — written into the action page as application/ld+json.

export interface CourseInput {
  url: string;
  title: string;
  description: string;
  provider: { name: string; url: string };
  /** LHÉO dict-modalites-enseignement code: 0 on site, 1 blended, 2 online. */
  teachingMode: string;
  hoursTotal: number | null;
  free: boolean;
  price: number | null;
  certification: string;
  sessions: { startDate: string; endDate: string; street: string; postcode: string; town: string }[];
}

const COURSE_MODES: Record<string, string> = { "0": "onsite", "1": "blended", "2": "online" };

export function courseJsonLd(course: CourseInput) {
  const courseMode = COURSE_MODES[course.teachingMode];
  const offerPrice = course.free ? 0 : course.price;
  return {
    "@context": "https://schema.org",
    "@type": "Course",
    name: course.title,
    description: course.description,
    url: course.url,
    inLanguage: "fr",
    provider: { "@type": "Organization", name: course.provider.name, url: course.provider.url },
    ...(course.certification ? { educationalCredentialAwarded: course.certification } : {}),
    ...(offerPrice !== null ? { offers: { "@type": "Offer", category: course.free ? "Free" : "Paid", price: offerPrice, priceCurrency: "EUR" } } : {}),
    hasCourseInstance: course.sessions.map((s) => ({
      "@type": "CourseInstance",
      ...(courseMode ? { courseMode } : {}),
      startDate: s.startDate,
      endDate: s.endDate,
      ...(course.hoursTotal ? { courseWorkload: `PT${course.hoursTotal}H` } : {}),
      location: {
        "@type": "Place",
        address: { "@type": "PostalAddress", streetAddress: s.street, postalCode: s.postcode, addressLocality: s.town, addressCountry: "FR" },
      },
    })),
  };
}

/**
 * JSON for a <script> element: `<` is escaped so that no text (a title holding « </script> »)
 * can close the element; JSON readers read \u003c as `<`.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
