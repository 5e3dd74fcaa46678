// How each class is drawn: colour and shape (circle, square, ring), shared by graph, legend and badges.

export const TYPE_STYLE = {
  Company: { color: "#3b6fd8", shape: "circle", label: "Company" },
  AnalystFirm: { color: "#e07b16", shape: "ring", label: "Analyst firm" },
  StockIndex: { color: "#1e9e57", shape: "square", label: "Stock index" },
  StockExchange: { color: "#14a3a3", shape: "square", label: "Stock exchange" },
  Country: { color: "#d23c3c", shape: "ring", label: "Country" },
  City: { color: "#d877b4", shape: "circle", label: "City" },
  GovernmentBody: { color: "#7a4fc9", shape: "square", label: "Government body" },
  Person: { color: "#8c6239", shape: "circle", label: "Person" },
  Policy: { color: "#b59a00", shape: "square", label: "Policy" },
  Movement: { color: "#5f7d8c", shape: "ring", label: "Index / stock move" },
  AnalystView: { color: "#f0a95b", shape: "circle", label: "Analyst view" },
  Other: { color: "#9aa3b0", shape: "circle", label: "Other" },
};

const POLICIES = new Set(["Tariff", "ExportControl", "Investigation", "Sanction", "Subsidy", "InterestRateDecision", "Policy"]);
const MOVES = new Set(["IndexMovement", "StockMovement"]);
// The most telling class first: an analyst firm is also a company.
const ORDER = ["AnalystFirm", "StockIndex", "StockExchange", "GovernmentBody", "Country", "City", "Person", "Company"];

/** The style group of a node from its classes. */
export function groupOf(types = []) {
  for (const t of types) {
    if (POLICIES.has(t)) return "Policy";
    if (MOVES.has(t)) return "Movement";
    if (t === "AnalystView") return "AnalystView";
  }
  for (const t of ORDER) if (types.includes(t)) return t;
  return "Other";
}

export const styleOf = (types) => TYPE_STYLE[groupOf(types)];

export function badge(type) {
  const style = TYPE_STYLE[groupOf([type])] || TYPE_STYLE.Other;
  const span = document.createElement("span");
  span.className = "badge";
  span.style.background = style.color;
  span.textContent = type;
  return span;
}
