import '@vaadin/text-field/src/vaadin-text-field.js';
import '@vaadin/tooltip/src/vaadin-tooltip.js';
import '@vaadin/email-field/src/vaadin-email-field.js';
import '@vaadin/button/src/vaadin-button.js';
import 'Frontend/generated/jar-resources/disableOnClickFunctions.js';
import '@vaadin/notification/src/vaadin-notification.js';
import 'Frontend/generated/jar-resources/flow-component-renderer.js';
import 'Frontend/generated/jar-resources/flow-component-directive.js';
import '@vaadin/app-layout/src/vaadin-app-layout.js';
import '@vaadin/side-nav/src/vaadin-side-nav.js';
import '@vaadin/side-nav/src/vaadin-side-nav-item.js';
import '@vaadin/icons/vaadin-iconset.js';
import '@vaadin/icon/src/vaadin-icon.js';
import '@vaadin/app-layout/src/vaadin-drawer-toggle.js';
import 'Frontend/generated/jar-resources/menubarConnector.js';
import 'Frontend/generated/jar-resources/contextMenuConnector.js';
import '@vaadin/menu-bar/src/vaadin-menu-bar.js';
import '@vaadin/context-menu/src/vaadin-context-menu.js';
import 'Frontend/generated/jar-resources/contextMenuTargetConnector.js';
import '@vaadin/avatar/src/vaadin-avatar.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === '91e0990fbb224ca06fe7f274c52806e91bcbc6b782750f316670fd8e6c346d7b') {
    pending.push(import('./chunks/chunk-de7776cb79789b0f109c0e83290772aae54abd1c75964396de7df99663103521.js'));
  }
  if (key === 'bcca4348d1ba58dbb18f4ef9cad6d9aa94060f43141468a9a209a8a8ae96d464') {
    pending.push(import('./chunks/chunk-8cae3a99e0228935e7e4532e256d17fb6b63ca387d1e9edb63e3e6e816de856d.js'));
  }
  if (key === '3d3a777377ed99ece720468101342a231f15d6031610ee2300f1145ff5b6358d') {
    pending.push(import('./chunks/chunk-e5c6a48a894637bbcf2dc7f5f420887be67effd65f28ce308ab360ef8d194a4d.js'));
  }
  if (key === '634a41ea39e48d35156cdf17d677d0c9141bd7354d5b9b1cda8aa467ebfd8e93') {
    pending.push(import('./chunks/chunk-7a17ee3cca7ffe8ecb3b190e4f0872b264cb3a059b74fa603136f04c2439d37d.js'));
  }
  if (key === '8a9fd3d9b04fe2125a3354db75c9ea85ca1b7ad646ce21129c1d453871abec87') {
    pending.push(import('./chunks/chunk-7df48eae3185c3212d169067c1e45e4d4cbc51d3a83d0534fcc357a41dd584a9.js'));
  }
  if (key === 'c4733bcd7dc1c28c635366ae31c16987eea7c306b06bc26dcd84f7716b4e79f2') {
    pending.push(import('./chunks/chunk-a31868426b8d10872425b449f228b1197ad2b2f53e035da5dc7f7e0765bac37f.js'));
  }
  if (key === '4fc73e4418a3580473bc8f8c58a1b3570cfe607cae71b3eb94882cf2e717eb74') {
    pending.push(import('./chunks/chunk-f085c30a52f759fb8d7891084d310f4cec0a7ac991577290a7a8ea75278422b2.js'));
  }
  if (key === 'e230269e619356882e195b6ac9d71cd4e2d75061d188c86ef5f430fa5c48c09d') {
    pending.push(import('./chunks/chunk-a31f73d85eaa339fea76f29f4bac1b1265450726bd9c433df9d6ac3365a01b64.js'));
  }
  if (key === '193d8b0a358244a9a9ed81d090e10a35ce6b7071d1363893fbfe02d0458999d7') {
    pending.push(import('./chunks/chunk-7a17ee3cca7ffe8ecb3b190e4f0872b264cb3a059b74fa603136f04c2439d37d.js'));
  }
  if (key === '80e3c8ae0b13f82ff2ca814bee9a8afb81dce3f0f3a4c02c79aa9d2dcc8e260c') {
    pending.push(import('./chunks/chunk-f3eb400def092d7e97afc5fa111ce23024703927a4b38e4b246d69db65c22c4f.js'));
  }
  if (key === '11b4d29540e65baec460abb4492cede166417181d6b77a7e0803a44696bfde5a') {
    pending.push(import('./chunks/chunk-a31f73d85eaa339fea76f29f4bac1b1265450726bd9c433df9d6ac3365a01b64.js'));
  }
  if (key === '7c8b41865634ff09dabb19ba7105e61280850106b781836379045f2fe3997afb') {
    pending.push(import('./chunks/chunk-a694c122f1c063512d5e5b79da6b6e63c7153c84b7ba08f92af72f0599da35ec.js'));
  }
  if (key === '049010a4c2104b186dcbd28ce126237080560c9ebec19a625cbe7d677b1e2b0d') {
    pending.push(import('./chunks/chunk-94314dba30eac0ba76a32d63f742c76fbdb09b0162a9065ef346f442a4643bf4.js'));
  }
  return Promise.all(pending);
}

window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}