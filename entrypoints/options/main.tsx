import { createRoot } from 'react-dom/client';
import { Options } from '@/components/Options';
import '@/components/styles.css';

createRoot(document.getElementById('root')!).render(<Options />);
