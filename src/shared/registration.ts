// What the server and the web app agree on for registering a household in one save: how many members
// one registration may carry (the server refuses more, naming the field; the screen stops adding).
export const MAX_REGISTRATION_MEMBERS = 50;
