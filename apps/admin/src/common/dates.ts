export const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * The moment a status change takes effect, from the day picked: "today" means now (so it follows anything recorded
 * earlier today, such as the initiative's creation); another day means that calendar date.
 */
export const effectiveMoment = (day: string) => (day === todayIso() ? new Date().toISOString() : day);
