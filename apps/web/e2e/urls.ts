/** Where `npm start` serves the two apps. */
export const webUrl = "http://localhost:3000";
export const apiUrl = "http://localhost:8000";
