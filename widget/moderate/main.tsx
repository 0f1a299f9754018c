import { render } from 'preact';
import { ModerateApp } from './components/ModerateApp.js';
import { readPageParams } from './page-params.js';
import './styles.css';

const mountPoint = document.getElementById('moderate-desk');
if (mountPoint) render(<ModerateApp {...readPageParams(location.search, navigator.language)} />, mountPoint);
