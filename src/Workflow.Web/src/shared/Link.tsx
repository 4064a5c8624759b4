// Links inside the app are react-router's: a real href under /app/ (open in a new tab works), followed
// without a reload, and asking the pages' questions first (NavigationQuestions).
export { Link } from 'react-router';
