/**
 * Where `npm start` serves the two apps: :3000 and :8000, or WEB_PORT and API_PORT (set them to
 * run the suite beside another copy of the apps).
 */
const webPort = process.env.WEB_PORT || "3000";
const apiPort = process.env.API_PORT || "8000";

export const webUrl = `http://localhost:${webPort}`;
export const apiUrl = `http://localhost:${apiPort}`;
