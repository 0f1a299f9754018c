import { render } from 'preact';
import { App } from './components/App.js';
import { readFrameParams } from './frame-params.js';
import './styles.css';

const mountPoint = document.getElementById('comment-desk');
if (mountPoint) render(<App {...readFrameParams(location.search)} />, mountPoint);
