import { render } from 'preact';
import { readPageParams } from '@widget/moderate/page-params.js';
import { AdminApp } from './components/AdminApp.js';
import '@widget/moderate/styles.css';
import './styles.css';

const mountPoint = document.getElementById('admin-console');
if (mountPoint) render(<AdminApp lang={readPageParams(location.search, navigator.language).lang} />, mountPoint);
