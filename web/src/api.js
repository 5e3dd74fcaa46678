// Calls to the service's own JSON endpoints, and a cache of the entity labels seen so far.

export class ApiError extends Error {}

export async function getJSON(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v));
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : detail;
    } catch { /* not JSON */ }
    throw new ApiError(`${response.status}: ${detail}`);
  }
  return response.json();
}

/** The last part of an IRI: an entity's or article's id. */
export const idOf = (iri) => decodeURIComponent(String(iri).replace(/[#/]+$/, "").split(/[/#]/).pop());

/** Labels and types of every entity the page has seen, by IRI. */
export const known = new Map();

export function remember(entity) {
  if (!entity || !entity.iri) return;
  const old = known.get(entity.iri) || {};
  known.set(entity.iri, { ...old, ...entity });
}

export function labelOf(iri) {
  const entry = known.get(iri);
  if (entry && entry.label) return entry.label;
  return idOf(iri).replace(/-/g, " ");
}

export const isEntityIri = (value) => typeof value === "string" && value.includes("/id/entity/");
