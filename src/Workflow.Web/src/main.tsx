import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// React Flow's stylesheet loads with the app, before ours, even though React Flow itself loads on demand
// (routes.tsx): our rules for its nodes keep overriding its defaults as they did.
import '@xyflow/react/dist/style.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
